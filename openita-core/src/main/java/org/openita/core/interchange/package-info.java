/**
 * The JSON forms of scoring input and output shared by the CLI, imports and the API. The schema is
 * documented in docs/schemas/score-input.schema.json and docs/schemas/score-output.schema.json.
 */
package org.openita.core.interchange;
