/**
 * The scoring engine: pure functions from answers, OIT verdicts or imported figures to indicator, tool,
 * overall scores and the level, under one year's framework definition.
 */
package org.openita.core.scoring;
