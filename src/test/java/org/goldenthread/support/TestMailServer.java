package org.goldenthread.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free local port, shared by every test like the application
 * itself. Tests use addresses of their own, so they find their messages among everyone's.
 */
public final class TestMailServer {

    private static GreenMail instance;

    private TestMailServer() {}

    public static synchronized GreenMail instance() {
        if (instance == null) {
            instance = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    public static int port() {
        return instance().getSmtp().getPort();
    }

    /** Everything delivered to one address so far, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(instance().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
