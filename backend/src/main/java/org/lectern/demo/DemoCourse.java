package org.lectern.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.lectern.announcement.AnnouncementService;
import org.lectern.assignment.Assignment;
import org.lectern.assignment.AssignmentDraft;
import org.lectern.assignment.AssignmentService;
import org.lectern.assignment.TestFileUpload;
import org.lectern.assignment.Visibility;
import org.lectern.course.Course;
import org.lectern.course.CourseDraft;
import org.lectern.course.CourseRole;
import org.lectern.course.CourseService;
import org.lectern.course.NewMember;
import org.lectern.course.Section;
import org.lectern.exercise.ExerciseDraft;
import org.lectern.exercise.ExerciseService;
import org.lectern.identity.Account;
import org.lectern.identity.AccountService;
import org.lectern.identity.CurrentUser;
import org.lectern.identity.SiteRole;
import org.lectern.livemodel.LiveModelExerciseDraft;
import org.lectern.livemodel.LiveModelService;
import org.lectern.paper.PaperDraft;
import org.lectern.paper.PaperService;
import org.lectern.platform.LecternProperties;
import org.lectern.poll.PollService;
import org.lectern.quiz.QuizDraft.QuestionDraft;
import org.lectern.quiz.QuizDraft;
import org.lectern.quiz.QuizAuthoringService;
import org.lectern.schedule.CourseItem;
import org.lectern.schedule.CourseItemDraft;
import org.lectern.schedule.LectureDraft;
import org.lectern.schedule.ScheduleService;
import org.lectern.submission.SubmissionService;
import org.lectern.survey.SurveyService;
import org.lectern.training.TrainingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode (never on unless asked for): the UW CSE 493G1 Winter 2024 course from the seeds, with
 * its Tuesday/Thursday lectures, Friday recitations, and accounts for each role. The seed's calendar is
 * moved by whole weeks so that the term runs around the day the demo is built ({@link #shiftDays}): a
 * newcomer finds past deadlines, one due this week, the quiz open and a poll ready to run. Created once; a
 * restart finds it and leaves it alone. Everything goes through the ordinary services, as the
 * demo instructor, so the demo obeys the same rules as real use.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("lectern.demo.enabled")
class DemoCourse implements ApplicationRunner {

    static final String DOMAIN = DemoAddresses.DOMAIN;
    static final String CODE = "CSE 493G1";
    /** The seed's first Monday: every seed date is moved by the same whole number of weeks from here. */
    static final LocalDate SEED_MONDAY = LocalDate.of(2024, 1, 1);
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Logger log = LoggerFactory.getLogger(DemoCourse.class);

    private final AccountService accounts;
    private final CourseService courses;
    private final ScheduleService schedule;
    private final QuizAuthoringService quizzes;
    private final LecternProperties props;
    private final TransactionTemplate tx;
    private final Environment env;
    private final ExerciseService exercises;
    private final LiveModelService liveModels;
    private final TrainingService training;
    private final SurveyService surveys;
    private final AnnouncementService announcements;
    private final Clock clock;
    private final PollService polls;
    private final PaperService paperService;
    private final DemoMilestones milestones;
    private final AssignmentService assignments;
    private final SubmissionService submissions;
    /** Days added to every seed date (whole weeks, so Tuesday lectures stay on Tuesdays); set when the course is built. */
    private long shift;

    DemoCourse(AccountService accounts, CourseService courses, ScheduleService schedule, QuizAuthoringService quizzes, LecternProperties props,
               TransactionTemplate tx, Environment env, ExerciseService exercises,
               LiveModelService liveModels, TrainingService training, SurveyService surveys,
               AnnouncementService announcements, Clock clock, PollService polls, PaperService paperService,
               DemoMilestones milestones, AssignmentService assignments, SubmissionService submissions) {
        this.milestones = milestones;
        this.assignments = assignments;
        this.submissions = submissions;
        this.polls = polls;
        this.paperService = paperService;
        this.training = training;
        this.surveys = surveys;
        this.announcements = announcements;
        this.clock = clock;
        this.env = env;
        this.quizzes = quizzes;
        this.exercises = exercises;
        this.liveModels = liveModels;
        this.accounts = accounts;
        this.courses = courses;
        this.schedule = schedule;
        this.props = props;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = props.demo().password();
        Account instructor = tx.execute(s -> {
            account("admin@" + DOMAIN, "Demo Admin", SiteRole.ADMIN, password);
            account("ta@" + DOMAIN, "Tariq Assistant", SiteRole.USER, password);
            for (int i = 1; i <= 3; i++) {
                account("student" + i + "@" + DOMAIN, List.of("Ada Lovelace", "Alan Turing", "Grace Hopper").get(i - 1),
                        SiteRole.USER, password);
            }
            return account("instructor@" + DOMAIN, "Irene Instructor", SiteRole.COURSE_CREATOR, password);
        });
        boolean exists = CurrentUser.runAs(instructor, () -> courses.myCourses().stream()
                .anyMatch(c -> c.code().equals(CODE)));
        if (!exists) {
            shift = shiftDays(LocalDate.now(clock.withZone(ZONE)));
            Course c = CurrentUser.runAs(instructor, () -> tx.execute(s -> build()));
            log.info("Demo course {} {} created, its calendar moved {} days from the seed's so that it contains today.",
                    CODE, c.term(), shift);
        }
        log.info("""

                ==== Lectern demo ====
                Sign in at http://localhost:{}/ with any of:
                  instructor@demo.lectern, ta@demo.lectern, student1@demo.lectern .. student3@demo.lectern, admin@demo.lectern
                Password: {}   (set LECTERN_DEMO_PASSWORD to change it)
                ======================""", env.getProperty("local.server.port", "8080"), password);
    }

    /**
     * A COMP541-style reading list: three papers, each discussed at a lecture (reviews are due when it starts), open for
     * groups to claim; the presentation roles are COMP541's defaults (overview 14, strengths 8, weaknesses 8, questions 10).
     */
    private void papers(long id) {
        var lectures = schedule.lectures(id);
        Object[][] list = {
                {"R1", "Deep Residual Learning for Image Recognition", "He, Zhang, Ren, Sun", "https://arxiv.org/abs/1512.03385", 5},
                {"R2", "Batch Normalization: Accelerating Deep Network Training", "Ioffe, Szegedy", "https://arxiv.org/abs/1502.03167", 6},
                {"R3", "Attention Is All You Need", "Vaswani et al.", "https://arxiv.org/abs/1706.03762", 8}};
        for (Object[] p : list) {
            var lecture = lectures.get(Math.min((Integer) p[4], lectures.size() - 1));
            paperService.create(id, new PaperDraft((String) p[0], (String) p[1], (String) p[2], (String) p[3],
                    lecture.startsAt(), BigDecimal.TEN));
        }
    }

    /**
     * A0, the seed's warm-up, as a real assignment with an autograder, past its deadline and released: Ada handed it in
     * two days late (Saturday after a Thursday deadline) and spent two of her five late days; Grace was on time; Alan has
     * not submitted. So a newcomer sees a ledger that has been used, a late submission and a missing one.
     */
    private void pastAssignmentWithLateDays(long courseId) {
        Assignment a0 = assignments.create(courseId, new AssignmentDraft("A0", "Assignment 0: Colab and submission warm-up", null,
                at("2024-01-04T11:20"), at("2024-01-11T23:59"), BigDecimal.valueOf(100), null, null, null, null, null, null, null, null,
                "Assignments", null));
        assignments.uploadAutograder(a0.id(), List.of(
                new TestFileUpload("test_public.py", A0_PUBLIC_TEST.getBytes(StandardCharsets.UTF_8), Visibility.PUBLIC, BigDecimal.valueOf(60)),
                new TestFileUpload("test_private.py", A0_PRIVATE_TEST.getBytes(StandardCharsets.UTF_8), Visibility.PRIVATE, BigDecimal.valueOf(40))));
        submissions.submitOnBehalf(a0.id(), "student3@" + DOMAIN, at("2024-01-11T20:15"), "demo: handed in on time", "a0.ipynb", A0_NOTEBOOK);
        submissions.submitOnBehalf(a0.id(), "student1@" + DOMAIN, at("2024-01-13T10:00"), "demo: handed in two days late", "a0.ipynb",
                A0_NOTEBOOK);
        assignments.releaseGrades(a0.id(), true);
    }

    private static final String A0_PUBLIC_TEST = """
            import numpy as np
            from submission import normalise

            def test_mean_zero():
                assert abs(normalise(np.array([1.0, 2.0, 3.0])).mean()) < 1e-9

            def test_unit_std():
                assert abs(normalise(np.array([1.0, 2.0, 3.0])).std() - 1.0) < 1e-9
            """;

    private static final String A0_PRIVATE_TEST = """
            import numpy as np
            from submission import normalise

            def test_columns_of_a_matrix():
                x = np.array([[1.0, 10.0], [3.0, 30.0]])
                assert np.allclose(normalise(x), [[-1.0, -1.0], [1.0, 1.0]])
            """;

    /** A warm-up answer: standardise each column (the first thing every later assignment does to its data). */
    private static final byte[] A0_NOTEBOOK = """
            {"nbformat": 4, "nbformat_minor": 5,
             "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
             "cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# A0: warm-up\\n", "Standardise each column."]},
              {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
               "source": ["import numpy as np\\n", "\\n", "def normalise(x):\\n", "    return (x - x.mean(axis=0)) / x.std(axis=0)\\n"]}
             ]}""".getBytes(StandardCharsets.UTF_8);

    private Account account(String email, String name, SiteRole role, String password) {
        return accounts.byEmail(email).orElseGet(() -> accounts.createWithPassword(email, name, role, password));
    }

    /**
     * Whole weeks from the seed's calendar to one that contains {@code today}: today falls in the term's fifth week
     * (Monday to Thursday; from Friday, the fourth), so A0, A1 and the proposal are past, A2 is due within the coming
     * seven days, and most of the term is still ahead.
     */
    static long shiftDays(LocalDate today) {
        int weekOfTerm = today.getDayOfWeek().compareTo(DayOfWeek.THURSDAY) <= 0 ? 4 : 3;
        LocalDate firstMonday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weekOfTerm);
        return java.time.temporal.ChronoUnit.DAYS.between(SEED_MONDAY, firstMonday);
    }

    /** The term's name from its first Monday, as a university would say it ("Winter 2024" for the seed itself). */
    static String termName(LocalDate firstMonday) {
        int m = firstMonday.getMonthValue();
        String season = m <= 3 ? "Winter" : m <= 6 ? "Spring" : m <= 8 ? "Summer" : "Autumn";
        return season + " " + firstMonday.getYear();
    }

    /** A seed date ("2024-01-09"), moved into the demo's term. */
    private LocalDate day(String seed) {
        return LocalDate.parse(seed).plusDays(shift);
    }

    /** A seed wall-clock time ("2024-01-19T09:30") in the course's zone, moved into the demo's term. */
    private java.time.Instant at(String seed) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(seed).plusDays(shift), ZONE).toInstant();
    }

    private Course build() {
        Course c = courses.create(new CourseDraft(CODE, "Deep Learning", termName(SEED_MONDAY.plusDays(shift)), ZONE.getId()));
        long id = c.id();
        courses.addSection(id, "AA", Section.Kind.RECITATION, DayOfWeek.FRIDAY, LocalTime.of(9, 30), LocalTime.of(10, 30), "CSE2 G10");
        courses.addSection(id, "AB", Section.Kind.RECITATION, DayOfWeek.FRIDAY, LocalTime.of(12, 30), LocalTime.of(13, 30), "JHN 174");
        courses.addMember(id, new NewMember("Tariq Assistant", "ta@demo.lectern", CourseRole.TA, null));
        courses.addMember(id, new NewMember("Ada Lovelace", "student1@demo.lectern", CourseRole.STUDENT, "AA"));
        courses.addMember(id, new NewMember("Alan Turing", "student2@demo.lectern", CourseRole.STUDENT, "AB"));
        courses.addMember(id, new NewMember("Grace Hopper", "student3@demo.lectern", CourseRole.STUDENT, "AA"));

        String[] weekTitles = {"Introduction and image classification", "Losses and optimization",
                "Neural networks and backpropagation", "Convolutional networks", "Training neural networks",
                "Architectures and visualisation", "Sequences and attention", "Detection and self-supervision",
                "Generative models", "Large models, RL and ethics", "Poster session"};
        LocalDate monday = day("2024-01-01");
        for (int w = 0; w < weekTitles.length; w++) {
            schedule.saveWeek(id, w + 1, weekTitles[w], monday.plusWeeks(w));
        }
        String site = "https://courses.cs.washington.edu/courses/cse493g1/24wi/";
        Object[][] lectures = {
                {"2024-01-04", "Introduction", "A brief history of deep learning; course overview, grading, late days"},
                {"2024-01-09", "Image classification with kNN and linear classifiers", "Data-driven approach; nearest neighbour with L1 and L2 distance; hyperparameters and cross-validation; linear classifiers"},
                {"2024-01-11", "Loss functions and optimization", "Multiclass SVM loss; softmax and cross-entropy; regularization; gradient descent"},
                {"2024-01-16", "Optimization", "SGD, momentum, Nesterov, RMSProp, Adam; learning-rate schedules"},
                {"2024-01-18", "Neural networks and backpropagation", "Computational graphs; chain rule; multi-layer perceptrons"},
                {"2024-01-23", "Convolutional neural networks", "Convolution, padding and stride; pooling; weight sharing"},
                {"2024-01-25", "Training neural networks I", "Activation functions; weight initialization; batch normalization"},
                {"2024-01-30", "Training neural networks II", "Dropout; data augmentation; transfer learning; hyperparameter search"},
                {"2024-02-01", "CNN architectures", "AlexNet, VGG, GoogLeNet, ResNet"},
                {"2024-02-06", "Visualizing and understanding", "Filters and activation maps; saliency and occlusion"},
                {"2024-02-08", "Recurrent neural networks", "RNNs, LSTMs; image captioning"},
                {"2024-02-13", "Attention and transformers", "Self-attention; multi-head attention; vision transformers"},
                {"2024-02-15", "Object detection and segmentation", "R-CNN family; semantic and instance segmentation"},
                {"2024-02-20", "Self-supervised learning", "Pretext tasks; contrastive learning"},
                {"2024-02-22", "Generative models", "Variational autoencoders; GANs"},
                {"2024-02-27", "Diffusion models", "Denoising diffusion; guidance"},
                {"2024-02-29", "Large language and vision-language models", "Scaling; CLIP; instruction tuning"},
                {"2024-03-05", "Deep reinforcement learning", "Policy gradients; Q-learning"},
                {"2024-03-07", "Fairness, ethics and data-centric AI", "Bias in datasets and models; course recap"},
        };
        List<Long> lectureIds = new ArrayList<>();
        for (Object[] l : lectures) {
            lectureIds.add(schedule.addLecture(id, new LectureDraft(null, day((String) l[0]), LocalTime.of(10, 0),
                    LocalTime.of(11, 20), (String) l[1], (String) l[2], site, "SIG 134")).id());
        }
        // Practice exercises beside the lectures that teach them (no gradebook category: shown on grades, not counted).
        Object[][] practice = {
                {2, "knn", "EX-knn"}, {2, "linear-scores", "EX-linear"}, {3, "svm-loss", "EX-svm"}, {3, "softmax-ce", "EX-softmax"},
                {4, "sgd-momentum", "EX-momentum"}, {4, "nesterov", "EX-nesterov"}, {4, "adam", "EX-adam"}, {4, "cosine-lr", "EX-cosine"},
                {5, "backprop", "EX-backprop"}, {5, "relu-xor", "EX-xor"}, {6, "conv2d", "EX-conv"}, {6, "conv-output-size", "EX-outsize"},
                {6, "conv-vs-fc-weights", "EX-weights"}, {6, "pooling", "EX-pool"}, {7, "batchnorm", "EX-bn"},
                {8, "inverted-dropout", "EX-dropout"}, {12, "self-attention", "EX-attention"},
        };
        for (Object[] e : practice) {
            exercises.create(id, new ExerciseDraft((String) e[1], (String) e[2], null, lectureIds.get((Integer) e[0] - 1), 3, BigDecimal.ONE, null));
        }
        // Seed 003's visualisation lecture: what the digits CNN looks at, live.
        liveModels.create(id, new LiveModelExerciseDraft(null, "LIVE-digits", "Draw a digit: what does the CNN see?", lectureIds.get(9)));
        // The training playground on the digits training split, beside "Training neural networks II" (hyperparameter search).
        training.addDataset(id, org.lectern.grading.training.TrainingDataset.DIGITS.key());
        training.placeOnSchedule(id, lectureIds.get(7));
        // A1 and A2 are announced on the schedule only (placeholders until staff create them).
        pastAssignmentWithLateDays(id);
        item(id, CourseItem.Kind.ASSIGNMENT, "A1", "Assignment 1: kNN, SVM, softmax, two-layer net", "2024-01-06T12:00", "2024-01-18T23:59");
        item(id, CourseItem.Kind.ASSIGNMENT, "A2", "Assignment 2: backprop, optimizers, batch norm, dropout", "2024-01-19T12:00", "2024-02-01T23:59");
        quiz1(id);
        readyPoll(id, lectureIds, java.util.Arrays.stream(lectures).map(l -> day((String) l[0])).toList());
        milestones.create(id, this::at); // the project's team items, graded with rubrics
        firstDaySurvey(id);
        papers(id);
        announcements.post(id, "Welcome to CSE 493G1", "Please answer the **first-day survey** (Surveys tab): it is anonymous. "
                + "Questions go to the Q&A tab; use a private post when it contains your code.", null);
        return c;
    }

    /**
     * Lecture 1's show of hands (Undergrad? M.S.? Ph.D.? CSE / EE? Other engineering? Math / natural science?) as an
     * anonymous first-day survey, with what the staff need to plan the quarter: GPU access, time zone, goals. Open from
     * the moment the demo is built, so it can be answered whenever the demo runs.
     */
    private void firstDaySurvey(long id) {
        var single = org.lectern.survey.SurveyQuestion.Kind.SINGLE;
        java.time.Instant now = clock.instant();
        surveys.create(id, new org.lectern.survey.SurveyDraft("first-day", "First-day survey", true, List.of(
                new org.lectern.survey.SurveyQuestion(single, "Which program are you in?", List.of("Undergrad", "M.S.", "Ph.D.", "Other"), null, true),
                new org.lectern.survey.SurveyQuestion(single, "Your field?", List.of("CSE / EE", "Other engineering", "Math / natural science",
                        "Other"), null, true),
                new org.lectern.survey.SurveyQuestion(single, "Which GPU can you use for the assignments?", List.of("My own GPU",
                        "Colab only", "A lab or cloud GPU", "None yet"), null, true),
                new org.lectern.survey.SurveyQuestion(org.lectern.survey.SurveyQuestion.Kind.SCALE, "How comfortable are you with Python and NumPy?",
                        List.of("not at all", "very"), 5, false),
                new org.lectern.survey.SurveyQuestion(org.lectern.survey.SurveyQuestion.Kind.SHORT_TEXT,
                        "Which time zone will you be in this quarter?", null, null, false),
                new org.lectern.survey.SurveyQuestion(org.lectern.survey.SurveyQuestion.Kind.LONG_TEXT,
                        "What do you hope to learn in this course?", null, null, false)),
                now.minus(java.time.Duration.ofMinutes(1)), now.plus(java.time.Duration.ofDays(120)), null, null));
    }

    /**
     * Quiz 1 on the first lectures (kNN, linear classifiers), in the gradebook's Quizzes category in
     * place of the quiz1 placeholder. Its window stays open so the demo can be tried at any time.
     */
    private void quiz1(long courseId) {
        BigDecimal two = BigDecimal.valueOf(2);
        BigDecimal three = BigDecimal.valueOf(3);
        quizzes.create(courseId, new QuizDraft("Quiz1", "Quiz 1: kNN and linear classifiers",
                at("2024-01-19T09:30"),
                ZonedDateTime.of(java.time.LocalDateTime.parse("2099-12-31T23:59"), ZONE).toInstant(), 10, BigDecimal.TEN, "Quizzes",
                null, true, true, 1, null, List.of(
                QuestionDraft.single("A nearest-neighbour classifier with k = 1 is evaluated on its own training set (no duplicate "
                        + "points). What accuracy does it get?", two, List.of("About 10% (chance on CIFAR-10)", "About 50%", "100%",
                        "It depends on the distance"), 2).explained("Every training point is its own nearest neighbour."),
                QuestionDraft.many("Which of these are hyperparameters of a kNN classifier?", two,
                        List.of("k, the number of neighbours", "The distance (L1 or L2)", "The training labels", "A weight matrix W"),
                        List.of(0, 1)).explained("kNN learns no weights; k and the distance are chosen, e.g. by cross-validation."),
                QuestionDraft.numeric("A linear classifier f(x) = Wx + b maps CIFAR-10 images (32×32×3) to 10 class scores. "
                        + "How many parameters does it have, biases included?", three, BigDecimal.valueOf(30730), BigDecimal.ZERO)
                        .explained("W is 10×3072 and b has 10 entries: 30720 + 10."),
                QuestionDraft.text("On which split of the data should you choose hyperparameters such as k?", three,
                        List.of("validation", "validation set", "the validation set", "cross-validation", "validation data"))
                        .explained("Never on the test set: it is used once, at the end."))
                , null));
    }

    /** A poll on the next lecture (from today), still a draft: staff can run it in the demo at once. */
    private void readyPoll(long courseId, List<Long> lectureIds, List<LocalDate> dates) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        int next = 0;
        while (next < dates.size() - 1 && dates.get(next).isBefore(today)) {
            next++;
        }
        polls.create(courseId, new org.lectern.poll.PollDraft(lectureIds.get(next),
                "A 3×3 convolution with 64 filters over 64 input channels: how many weights, biases left out?",
                org.lectern.poll.PollKind.CHOICE, List.of("576", "4,096", "36,864", "262,144"), "2", null, 60, 60));
    }

    private void item(long courseId, CourseItem.Kind kind, String shortName, String title, String release, String due) {
        schedule.registerItem(courseId, new CourseItemDraft(kind, shortName, title, null,
                at(release), at(due), null, false));
    }
}
