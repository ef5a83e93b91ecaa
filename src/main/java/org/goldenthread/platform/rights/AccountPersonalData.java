package org.goldenthread.platform.rights;

import java.util.List;
import java.util.Map;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.PersonalData;
import org.goldenthread.platform.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sign-in account that carries the person's email, and its roles in this ICS. An erasure takes
 * the account's roles here away; an account with roles in no other ICS is then anonymised and
 * switched off (its ratings and other work stay, by nobody). An account that also serves another
 * ICS is that ICS's to keep, so only its roles here go.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountPersonalData implements PersonalData {

    private static final Map<String, String> ROLES = Map.of(
            "ics_admin", "ICS administrator", "place_lead", "Place lead", "member", "Member", "analyst", "Analyst");

    private final JdbcClient jdbc;

    AccountPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The accounts with this email: one at most, as emails are unique regardless of case. */
    List<Long> accountsOf(@org.jspecify.annotations.Nullable String email) {
        if (email == null) {
            return List.of();
        }
        return jdbc.sql("select id from app_user where lower(email) = lower(:email)")
                .param("email", email)
                .query(Long.class)
                .list();
    }

    /** Whether every one of these accounts has been anonymised (by an erasure). */
    boolean anonymised(List<Long> accounts) {
        return jdbc.sql("""
                        select count(*) = 0 from app_user
                         where id = any (:accounts) and not (disabled and email like 'erased-%@erased.invalid')""")
                .param("accounts", accounts.toArray(Long[]::new))
                .query(Boolean.class)
                .single();
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        long ics = Scope.currentTenant().id();
        List<Map<String, Object>> rows = jdbc.sql("""
                        select u.email,
                               -- an account that also serves elsewhere is that ICS's (or the platform's):
                               -- only its address and its roles here are this ICS's to give
                               case when b.beyond then null else u.display_name end as display_name,
                               case when b.beyond then null else u.created_at end as created_at,
                               case when b.beyond then null else u.disabled end as disabled,
                               case when b.beyond then null else u.password_hash is not null end as has_password,
                               array(select g.role from role_grant g
                                      where g.user_id = u.id and g.ics_id = :ics order by g.role) as roles,
                               array(select p from role_grant g, unnest(g.places) p
                                      where g.user_id = u.id and g.ics_id = :ics order by p) as places
                          from app_user u
                          cross join lateral (select exists (select from role_grant g
                                                              where g.user_id = u.id
                                                                and (g.ics_id is null or g.ics_id <> :ics)) as beyond) b
                         where u.id = any (:accounts)""")
                .param("ics", ics)
                .param("accounts", subject.accountIds().toArray(Long[]::new))
                .query()
                .listOfRows();
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        labels.put("email", "Email");
        labels.put("display_name", "Name shown");
        labels.put("created_at", "Created on");
        labels.put("disabled", "Switched off");
        labels.put("has_password", "Has a password");
        labels.put("roles", "Roles in this ICS");
        labels.put("places", "Places they lead");
        return List.of(new Section(
                "Account",
                "The account they sign in with, and the roles it holds in this ICS.",
                PersonalData.entries(rows, labels, Map.of("roles", ROLES))));
    }

    @Override
    public void erase(DataSubject subject) {
        long ics = Scope.currentTenant().id();
        for (long account : subject.accountIds()) {
            int rolesHere = jdbc.sql("delete from role_grant where user_id = :id and ics_id = :ics")
                    .param("id", account)
                    .param("ics", ics)
                    .update();
            if (rolesHere == 0) {
                // an account that serves no role here is another ICS's (or nobody's) to keep
                continue;
            }
            jdbc.sql("""
                            update app_user
                               set email = 'erased-' || id || '@erased.invalid', display_name = 'Erased account',
                                   password_hash = null, disabled = true
                             where id = :id and not exists (select from role_grant g where g.user_id = app_user.id)""").param("id", account).update();
            jdbc.sql("""
                            delete from api_token where user_id = :id
                               and exists (select from app_user u where u.id = :id and u.disabled
                                              and u.email like 'erased-%@erased.invalid')""").param("id", account).update();
            jdbc.sql("""
                            delete from account_link where user_id = :id
                               and exists (select from app_user u where u.id = :id and u.disabled
                                              and u.email like 'erased-%@erased.invalid')""").param("id", account).update();
        }
    }
}
