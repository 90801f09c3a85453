/**
 * The ITA analysis report: one document model built from an {@link org.openita.core.analysis.Analysis},
 * rendered as DOCX, PDF and HTML. Every name, year, number and section number comes from data.
 */
package org.openita.report;
