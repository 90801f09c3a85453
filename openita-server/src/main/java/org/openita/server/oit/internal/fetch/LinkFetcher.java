package org.openita.server.oit.internal.fetch;

import java.net.URI;

/**
 * Fetches one submitted link the way it is safe to on a government server (docs/security.md, ADR 0036): http and https
 * only, every address checked on every hop, size, time and redirect limits. Never throws for anything the link or its
 * server does: the outcome says what happened.
 */
public interface LinkFetcher {

    Fetched fetch(URI link);
}
