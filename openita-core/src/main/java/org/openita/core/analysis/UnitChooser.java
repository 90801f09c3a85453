package org.openita.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.Topic;

/**
 * Picks the responsible units of a measure from the agency's own units, by the measure's topics in the knowledge
 * base. The lead: the first unit whose name holds one of the topic's words (every such unit for a shared topic),
 * else the general-administration unit. Then the units of the topics that take part with it (the property guide
 * written by finance with general administration, the service standard kept by every unit that serves the public),
 * each named once. Several units are joined by " / ". Only the agency's own units are ever named: an agency that
 * listed no units gets the knowledge base's usual unit name, and one whose units fit no topic gets the knowledge
 * base's assigned unit ({@link KnowledgeBase#assignedUnit()}).
 */
final class UnitChooser {

    /** How several responsible units are joined in one measure. */
    static final String SEPARATOR = " / ";

    private UnitChooser() {
    }

    static String choose(AgencyProfile agency, KnowledgeBase kb, String topicCode, List<String> supportTopics, String usual) {
        List<String> units = agency.units();
        if (units.isEmpty()) {
            return usual;
        }
        Set<String> chosen = new LinkedHashSet<>(lead(units, kb, topicCode));
        for (String support : supportTopics) {
            kb.topic(support).ifPresent(t -> chosen.addAll(matching(units, t)));
        }
        return chosen.isEmpty() ? kb.assignedUnit().th() : String.join(SEPARATOR, chosen);
    }

    private static List<String> lead(List<String> units, KnowledgeBase kb, String topicCode) {
        Optional<Topic> topic = kb.topic(topicCode == null ? Topic.GENERAL_ADMINISTRATION : topicCode);
        if (topic.isPresent()) {
            List<String> matching = matching(units, topic.get());
            if (!matching.isEmpty()) {
                return matching;
            }
        }
        return kb.topic(Topic.GENERAL_ADMINISTRATION).map(t -> matching(units, t)).orElse(List.of());
    }

    /** The units of a topic: the first whose name holds one of its words, or every such unit for a shared topic. */
    private static List<String> matching(List<String> units, Topic topic) {
        List<String> all = units.stream().filter(topic::matches).toList();
        return topic.allUnits() || all.isEmpty() ? new ArrayList<>(all) : List.of(all.get(0));
    }
}
