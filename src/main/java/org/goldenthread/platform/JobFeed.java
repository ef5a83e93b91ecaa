package org.goldenthread.platform;

import java.util.List;
import java.util.Optional;

/**
 * Long work a module runs and keeps in its own tables rather than as a {@link Job} of {@link
 * Jobs}, because it needs more than Jobs gives (rounds of emails, which another instance takes
 * over when the one sending them stops), shown as jobs all the same: on the list of recent work,
 * on the job card and through the jobs API. A feed only reads; its module stays the one place its
 * work is run and recorded.
 */
public interface JobFeed {

    /** The feed's name in its jobs' addresses: job 7 of feed {@code mailings} is {@code jobs/mailings/7}. */
    String name();

    /** The current ICS's latest work of this feed, newest first, as jobs of this feed. */
    List<Job> recent(int limit);

    /** One job of this feed in the current ICS. */
    Optional<Job> job(long id);
}
