/** Thai numbers, Buddhist-era dates and fiscal-year labels. */
package org.openita.core.thai;
