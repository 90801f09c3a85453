package org.openita.server.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A string in a JSON request body holds a character OpenITA never stores ({@link TextInput}). */
public final class RefusedCharacterException extends MismatchedInputException {

    private final String character;

    RefusedCharacterException(JsonParser p, String character) {
        super(p, "a string holds the control character " + character + ", which is not accepted", String.class);
        this.character = character;
    }

    /** The character, as U+XXXX. */
    public String character() {
        return character;
    }
}
