package org.openita.core.analysis;

import java.util.List;
import java.util.Optional;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.Topic;

/**
 * Picks the responsible unit of a measure from the agency's own units, by the measure's topic in the knowledge
 * base: the first unit whose name holds one of the topic's words (every such unit, joined by " / ", for a shared
 * topic), else the
 * general-administration unit, else the knowledge base's assigned unit ({@link KnowledgeBase#assignedUnit()}). An
 * agency that listed no units gets the knowledge base's usual unit name.
 */
final class UnitChooser {

    private UnitChooser() {
    }

    static String choose(AgencyProfile agency, KnowledgeBase kb, String topicCode, String usual) {
        List<String> units = agency.units();
        if (units.isEmpty()) {
            return usual;
        }
        Optional<Topic> topic = kb.topic(topicCode == null ? Topic.GENERAL_ADMINISTRATION : topicCode);
        if (topic.isPresent()) {
            List<String> matching = units.stream().filter(topic.get()::matches).toList();
            if (!matching.isEmpty()) {
                return topic.get().allUnits() ? String.join(" / ", matching) : matching.get(0);
            }
        }
        return kb.topic(Topic.GENERAL_ADMINISTRATION)
                .flatMap(t -> units.stream().filter(t::matches).findFirst())
                .orElse(kb.assignedUnit().th());
    }
}
