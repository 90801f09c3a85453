/**
 * The sentences the core writes into results and analyses, kept as data in Thai and English property files.
 */
package org.openita.core.text;
