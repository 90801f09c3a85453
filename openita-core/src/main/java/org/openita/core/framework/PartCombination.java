package org.openita.core.framework;

/** How the parts of a tool (EIT part 1 and part 2) combine into the tool score. */
public enum PartCombination {
    /** All respondents are pooled: the tool score comes from the pooled indicator scores. */
    POOLED,
    /** The tool score is the weighted mean of the part scores. */
    WEIGHTED_MEAN_OF_PARTS
}
