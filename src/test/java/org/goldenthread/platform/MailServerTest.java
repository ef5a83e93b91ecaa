package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Invitations and account links are only said to be emailed when there is somewhere to send them. */
class MailServerTest {

    @Test
    void withoutAnSmtpHostNothingClaimsToSend() {
        var noSender = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
        assertThat(new MailServer(noSender, "", "", "").isSetUp()).isFalse();
        assertThat(new MailServer(noSender, "smtp.example.org", "", "").isSetUp())
                .isFalse();
    }
}
