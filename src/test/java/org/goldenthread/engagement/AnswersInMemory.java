package org.goldenthread.engagement;

/** For journeys outside this package: lets go of a survey's answers held in memory, as a restart would. */
public final class AnswersInMemory {

    private AnswersInMemory() {}

    public static void letGo(SurveyResults results, long surveyId) {
        results.letGo(surveyId);
    }

    /** Surveys with more responses than this have their answers read as a job. */
    public static int large() {
        return AnswerLoads.LARGE;
    }

    /** A survey definition of twenty questions, and a file of its responses. */
    public static String definition() {
        return SurveyBenchmark.definition();
    }

    public static void write(java.nio.file.Path file, int rows, long seed) throws java.io.IOException {
        SurveyBenchmark.write(file, rows, seed);
    }
}
