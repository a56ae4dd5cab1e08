package org.socialdeclik.matching;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.util.Map;
import org.socialdeclik.shared.app.StatsService;
import org.socialdeclik.shared.aws.TableLayout;
import org.socialdeclik.shared.aws.TableLayout.Entity;
import org.socialdeclik.shared.aws.Wiring;
import org.socialdeclik.shared.config.Env;
import org.socialdeclik.shared.domain.MissionStatus;
import org.socialdeclik.shared.domain.Profile;
import org.socialdeclik.shared.domain.vocab.Places;
import org.socialdeclik.shared.stream.StreamFunction;

/**
 * Stream: keeps the platform's counters for the admins (GET /admin/stats) from the changes of
 * missions, profiles, proposals and interests, each record counted once.
 */
public final class StatsHandler extends StreamFunction {
    private final StatsService stats;

    public StatsHandler() {
        this(System.getenv());
    }

    public StatsHandler(Map<String, String> env) {
        this(new Wiring(Env.of(env)));
    }

    private StatsHandler(Wiring wiring) {
        this(new StatsService(wiring.stats(), Places.france()));
    }

    public StatsHandler(StatsService stats) {
        this.stats = stats;
    }

    @Override
    protected void handle(DynamodbEvent.DynamodbStreamRecord record) {
        TableLayout.Image newImage = image(record.getDynamodb().getNewImage());
        TableLayout.Image oldImage = image(record.getDynamodb().getOldImage());
        TableLayout.Image any = newImage != null ? newImage : oldImage;
        if (any == null) {
            return;
        }
        String id = record.getEventID();
        Entity entity = Entity.of(any.text(TableLayout.ENTITY));
        if (entity == Entity.MISSION && newImage != null) {
            stats.missionChanged(id, status(oldImage), MissionStatus.valueOf(newImage.text(TableLayout.STATUS)),
                    newImage.text("outcome"));
        } else if (entity == Entity.PROFILE) {
            stats.freelancerChanged(id, verified(oldImage), verified(newImage));
        } else if (entity == Entity.MATCH && newImage != null && "PROPOSED".equals(newImage.text(TableLayout.STATE))
                && (oldImage == null || !"PROPOSED".equals(oldImage.text(TableLayout.STATE)))) {
            stats.proposalSent(id);
        } else if (entity == Entity.INTEREST && newImage != null && oldImage == null) {
            stats.interest(id, newImage.text(TableLayout.MISSION_ID), Instant.parse(newImage.text(TableLayout.CREATED_AT)));
        }
    }

    private static MissionStatus status(TableLayout.Image image) {
        return image == null || image.text(TableLayout.STATUS) == null ? null : MissionStatus.valueOf(image.text(TableLayout.STATUS));
    }

    /** The profile of an image while verified (ACTIVE), else null. */
    private static Profile verified(TableLayout.Image image) {
        if (image == null || !"ACTIVE".equals(image.text(TableLayout.STATUS)) || image.text(TableLayout.DOC) == null) {
            return null;
        }
        return TableLayout.streamed(image).profile();
    }
}
