/** Written questions graded with rubrics, PDF answers and their pages, regrade requests. */
package org.lectern.written;
