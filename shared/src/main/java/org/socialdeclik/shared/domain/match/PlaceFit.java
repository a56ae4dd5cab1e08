package org.socialdeclik.shared.domain.match;

/** How the place of a mission suits a profile, from closest to farthest. */
public enum PlaceFit {
    REMOTE(3), SAME_DEPARTMENT(3), SAME_REGION(2), COUNTRY(1);

    private final int closeness;

    PlaceFit(int closeness) {
        this.closeness = closeness;
    }

    public int closeness() {
        return closeness;
    }
}
