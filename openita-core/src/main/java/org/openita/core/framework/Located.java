package org.openita.core.framework;

/** A value read from a definition, with the node it came from, for problems found after reading. */
record Located<T>(T value, YamlNode node) {
}
