/**
 * The surveys' pure model: the IIT and EIT questionnaires of a year's definition, the check of a submitted answer
 * sheet against them, and the tallies of stored answers turned into scoring evidence. No storage, no web.
 */
package org.openita.core.survey;
