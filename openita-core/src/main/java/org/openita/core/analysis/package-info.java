/**
 * The analysis of an agency's results: level and target, ranked indicators, strengths and weaknesses by
 * tool, low questions and OIT items with recommendations, change from last year, and draft measures.
 */
package org.openita.core.analysis;
