package org.goldenthread.engagement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.goldenthread.platform.Progress;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The columns of a survey's answers as stored with it, a block of {@link AnswerMatrix#BLOCK}
 * responses to a row, so that the first results after a restart or an import read a few dozen
 * rows in bulk rather than a million one by one. Together a survey's blocks hold, in id order,
 * every response up to the last block's {@code last_response_id}. A response whose id is below that
 * but committed after the blocks were written (two senders at once) is noticed by counting soon
 * after the blocks are read, and the blocks are then rebuilt from the rows.
 */
final class AnswerBlocks {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    AnswerBlocks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The survey's answers from its stored blocks, or null when there are none or they do not fit
     * together (then they are rebuilt from the rows); see {@link #match} for whether they still
     * hold every response. Call with the survey's ICS in scope.
     */
    @Nullable
    AnswerMatrix load(long surveyId, int slots, int questions, TransactionOperations readOnly) {
        return load(surveyId, slots, questions, readOnly, Progress.NONE);
    }

    /** As {@link #load(long, int, int, TransactionOperations)}, telling {@code progress} how many responses it has read. */
    @Nullable
    AnswerMatrix load(long surveyId, int slots, int questions, TransactionOperations readOnly, Progress progress) {
        java.util.Optional<AnswerMatrix> read =
                readOnly.execute(status -> java.util.Optional.ofNullable(read(surveyId, slots, questions, progress)));
        return read == null ? null : read.orElse(null);
    }

    private @Nullable AnswerMatrix read(long surveyId, int slots, int questions, Progress progress) {
        {
            AnswerMatrix matrix = new AnswerMatrix(surveyId, slots, questions);
            JdbcTemplate template = new JdbcTemplate(dataSource);
            template.setFetchSize(16);
            boolean[] fits = {true};
            template.query(
                    connection -> {
                        PreparedStatement statement = connection.prepareStatement("""
                                select block, responses, last_response_id, columns from survey_answer_block
                                 where survey_id = ? order by block""");
                        // binary transfer: the blocks' bytes as they are, not as hex text twice their size to decode
                        if (statement.isWrapperFor(PGStatement.class)) {
                            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                        }
                        statement.setLong(1, surveyId);
                        return statement;
                    },
                    (ResultSet rs) -> {
                        int block = rs.getInt(1);
                        int rows = rs.getInt(2);
                        // each block but the last is full, so a block starts where the ones before end
                        if (!fits[0] || matrix.size() != block * AnswerMatrix.BLOCK) {
                            fits[0] = false;
                            return;
                        }
                        try {
                            matrix.append(rs.getBytes(4), rows, rs.getLong(3));
                            progress.stored(matrix.size());
                        } catch (IllegalStateException e) {
                            fits[0] = false;
                        }
                    });
            if (!fits[0] || matrix.size() == 0) {
                return null;
            }
            matrix.saved(matrix.size());
            return matrix;
        }
    }

    /**
     * Whether a survey has exactly {@code size} responses up to id {@code lastId}, as blocks read
     * back claim: false when a response below that id was committed after they were written. It
     * counts a million rows, so it runs apart from the first results.
     */
    boolean match(long surveyId, int size, long lastId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :survey and id <= :last")
                        .param("survey", surveyId)
                        .param("last", lastId)
                        .query(Integer.class)
                        .single()
                == size;
    }

    /** Drops a survey's stored blocks, so that they are rebuilt from its rows. */
    void drop(long surveyId) {
        jdbc.sql("delete from survey_answer_block where survey_id = :survey")
                .param("survey", surveyId)
                .update();
    }

    /**
     * Stores blocks taken from a survey's answers, replacing what is stored there, and drops any
     * stored beyond them. Call with the survey's ICS in scope, in a transaction.
     */
    void save(long surveyId, AnswerMatrix.Blocks blocks) {
        for (int i = 0; i < blocks.columns().size(); i++) {
            int b = blocks.first() + i;
            jdbc.sql("""
                            insert into survey_answer_block (ics_id, survey_id, block, responses, last_response_id, columns)
                            select s.ics_id, s.id, :block, :responses, :last, :columns from survey s where s.id = :survey
                            on conflict (survey_id, block) do update
                               set responses = excluded.responses, last_response_id = excluded.last_response_id,
                                   columns = excluded.columns""")
                    .param("survey", surveyId)
                    .param("block", b)
                    .param("responses", Math.min(AnswerMatrix.BLOCK, blocks.size() - b * AnswerMatrix.BLOCK))
                    .param("last", blocks.lastId())
                    .param("columns", blocks.columns().get(i))
                    .update();
        }
        jdbc.sql("delete from survey_answer_block where survey_id = :survey and block >= :blocks")
                .param("survey", surveyId)
                .param("blocks", blocks.first() + blocks.columns().size())
                .update();
    }
}
