/** The TA dashboard: counts of what waits for course staff, each from its own feature. */
package org.lectern.dashboard;
