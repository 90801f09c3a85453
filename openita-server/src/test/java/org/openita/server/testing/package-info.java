/**
 * Test data builders: each test makes its own agencies, people, results, plans and calendars through the
 * application's services, with names no other test uses, and counts only what it made (ADR 0020).
 */
package org.openita.server.testing;
