package org.socialdeclik.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socialdeclik.shared.ports.OutboxEntry;

/** The message tags that let SES's events name an outbox item and its part. */
class MessageTagsTest {

    @Test
    void an_outbox_id_becomes_a_tag_value_ses_accepts_and_comes_back_unchanged() {
        String id = "PROPOSAL#Zk3-_aB0cD1eF2gH3iJ4kL#Mn5oP6qR7sT8uV9wX0yZ1a";

        String value = SesEmailSender.tagValue(id);

        assertThat(value).matches("[A-Za-z0-9_-]{1,256}");
        assertThat(SesEmailSender.outboxId(value)).contains(id);
    }

    @Test
    void a_tag_value_that_is_not_base64url_names_no_outbox_item() {
        assertThat(SesEmailSender.outboxId("not base64!")).isEmpty();
    }

    @Test
    void a_part_is_the_same_for_the_same_address_whatever_its_case_and_names_no_address() {
        String part = OutboxEntry.part("Ana.Martin@Example.org ");

        assertThat(part).isEqualTo(OutboxEntry.part("ana.martin@example.org")).matches("[0-9a-f]{16}");
        assertThat(part).isNotEqualTo(OutboxEntry.part("admin@socialdeclik.example"));
    }
}
