/**
 * Interactive exercises: a generator ({@link org.lectern.exercise.ExerciseGenerator}) turns a seed
 * into one student's instance ({@link org.lectern.exercise.ExerciseInstance}: a Markdown/KaTeX
 * prompt, the numbers given, and the parts to answer); {@link org.lectern.exercise.AnswerParser}
 * reads what the student typed and {@link org.lectern.exercise.AnswerChecker} marks it with a
 * tolerance, partial credit per cell, feedback and the next hint.
 * {@link org.lectern.exercise.ExerciseSeeds} derives per-student and per-poll seeds under the server's secret and
 * {@link org.lectern.exercise.ExerciseCatalog} lists the generators.
 * <p>Pure: no Spring, no storage, no clock. An instance is never stored, only its generator key and
 * seed: regenerating gives the same numbers, so the service that limits and records attempts keeps
 * two values per student.
 */
package org.lectern.exercise;
