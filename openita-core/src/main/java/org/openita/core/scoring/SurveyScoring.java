package org.openita.core.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.Question;

/** Scores of IIT and EIT questions from answer tallies: sub-items average into the question. */
final class SurveyScoring {

    private SurveyScoring() {
    }

    /** Mean points of the answers in a tally, or null when nobody answered. */
    static Double tallyScore(AnswerScale scale, Question q, Tally tally) {
        long n = 0;
        double sum = 0;
        for (Map.Entry<String, Long> e : tally.counts().entrySet()) {
            int index = scale.indexOf(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "question " + q.code() + ": option " + e.getKey() + " is not on scale " + scale.code()));
            n += e.getValue();
            sum += e.getValue() * scale.points(index, q.direction());
        }
        return n == 0 ? null : sum / n;
    }

    /** The question score from tallies by sub-item: the mean of the sub-items that have answers. */
    static Double questionScore(AnswerScale scale, Question q, Map<String, Tally> bySubItem) {
        List<Double> scores = new ArrayList<>();
        for (Tally t : bySubItem.values()) {
            Double s = tallyScore(scale, q, t);
            if (s != null) {
                scores.add(s);
            }
        }
        return scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * The question score with the answers of every part pooled, sub-item by sub-item: the same as
     * merging the tallies first, without building the merged tallies.
     */
    static Double pooledQuestionScore(AnswerScale scale, Question q, QuestionEvidence.Tallies t) {
        Map<String, double[]> bySub = new HashMap<>();
        for (Map<String, Tally> subs : t.byPart().values()) {
            for (Map.Entry<String, Tally> e : subs.entrySet()) {
                double[] acc = bySub.computeIfAbsent(e.getKey(), k -> new double[2]);
                for (Map.Entry<String, Long> c : e.getValue().counts().entrySet()) {
                    int index = scale.indexOf(c.getKey()).orElseThrow(() -> new IllegalArgumentException(
                            "question " + q.code() + ": option " + c.getKey() + " is not on scale " + scale.code()));
                    acc[0] += c.getValue();
                    acc[1] += c.getValue() * scale.points(index, q.direction());
                }
            }
        }
        double sum = 0;
        int n = 0;
        for (double[] acc : bySub.values()) {
            if (acc[0] > 0) {
                sum += acc[1] / acc[0];
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    /** Weighted mean; null when any value is unknown or the list is empty. */
    static Double weightedMean(List<Double> values, List<Double> weights) {
        if (values.isEmpty() || values.contains(null)) {
            return null;
        }
        double sum = 0;
        double w = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i) * weights.get(i);
            w += weights.get(i);
        }
        return w == 0 ? null : sum / w;
    }
}
