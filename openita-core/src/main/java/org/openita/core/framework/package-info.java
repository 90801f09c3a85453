/** The ITA framework of one fiscal year as data: tools, indicators, questions, OIT items, weights and levels. */
package org.openita.core.framework;
