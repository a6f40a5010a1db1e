/**
 * Late days: counting them on the course's calendar ({@link org.lectern.latepolicy.LateDays}), the
 * course's and each item's rules ({@link org.lectern.latepolicy.LatePolicy},
 * {@link org.lectern.latepolicy.ItemRule}), and one student's ledger with extensions and what-ifs
 * ({@link org.lectern.latepolicy.LateDayLedger}). Pure and immutable: no clock, no storage; callers
 * pass the instants and persist the inputs.
 */
package org.lectern.latepolicy;
