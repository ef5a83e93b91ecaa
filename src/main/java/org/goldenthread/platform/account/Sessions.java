package org.goldenthread.platform.account;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Ending an account's sessions and API tokens, wherever they are. */
final class Sessions {

    private Sessions() {}

    /**
     * Raises the account's epoch, which ends every session begun before (each request compares the
     * two), and revokes its API tokens. Returns the new epoch, for a session that should carry on.
     */
    static int endAll(JdbcClient jdbc, long userId) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = :id and revoked_at is null")
                .param("id", userId)
                .update();
        return jdbc.sql("update app_user set session_epoch = session_epoch + 1 where id = :id returning session_epoch")
                .param("id", userId)
                .query(Integer.class)
                .single();
    }
}
