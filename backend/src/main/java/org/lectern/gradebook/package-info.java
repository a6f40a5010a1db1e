/**
 * Course grades: a {@link org.lectern.gradebook.GradingScheme} of weighted categories with drops,
 * extra credit and letter cutoffs, {@link org.lectern.gradebook.GradeCalculator} to turn one student's
 * scores into a {@link org.lectern.gradebook.CourseGrade}, and a safe CSV export. Pure and immutable;
 * late penalties come in already applied (see org.lectern.latepolicy). Rounding: {@link org.lectern.gradebook.Rounding}.
 */
package org.lectern.gradebook;
