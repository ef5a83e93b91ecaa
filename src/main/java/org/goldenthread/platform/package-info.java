/**
 * Platform: what every other module stands on. Tenants (ICSs) and tenant isolation, accounts, role
 * grants and sign-in, API tokens, the audit log, access declarations on every handler, and the
 * shared pieces of the web layer (navigation, dashboard cards, forms shown again with their
 * problems, PDF reports, small-number suppression), and jobs: long work such as a large import run
 * in the background with its progress in view, and people's data rights (subject access, erasure and
 * retention), to which every module that holds anything about a person contributes by implementing
 * {@link org.goldenthread.platform.PersonalData}; what a module holds in an ICS is counted for the
 * dry run of a merge through {@link org.goldenthread.platform.Holdings}. It depends on no other module; a module that
 * must tell the platform something (which places exist, say) implements an interface declared here.
 *
 * <p>Several instances may share one database: sessions live in it, chores are done by one
 * instance for all ({@link org.goldenthread.platform.Chores}), long work is leased so another
 * instance can finish it ({@link org.goldenthread.platform.Leases}), and changes to what instances
 * remember are announced to all of them ({@link org.goldenthread.platform.Signals}).
 *
 * <p>Owns the tables {@code ics}, {@code app_user}, {@code role_grant}, {@code api_token}, {@code
 * audit_event}, {@code account_link}, {@code job}, {@code chore}, {@code lease}, {@code change_count}, {@code
 * spring_session} and {@code spring_session_attributes} (the last four not tenant-isolated: they are
 * the platform's, not an ICS's), and the functions every module's migrations use to isolate
 * tenants ({@code gt_isolate}, {@code gt_visible_ics}, {@code gt_current_ics}, {@code
 * gt_platform_scope}), and {@code gt_erase_from_audit}, with which an erasure clears a person from the
 * audit trail, and {@code gt_count_change}, the trigger with which a module counts changes to its
 * tables. Offers other modules' SQL {@code account_names()}: each account's id and display name, to
 * show who did what; and {@code change_counts(subject)}: how often the data of a subject (the
 * register) has changed in the ICSs in view, so a copy kept in memory knows when it is out of date.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.goldenthread.platform;
