package dev.goldenpath.gitops;

import org.eclipse.jgit.lib.ObjectId;

/**
 * What every attempt of one publish works from, however often the branch moves: the files in the repository's
 * layout, the request, whose ownership record it is, the branch whose head is the base, and the branch pushed to
 * (the same one, or a change branch in pull-request mode).
 */
record Attempt(Layout layout, PublishRequest request, String publisherId, String branchRef, String pushBranch) {

    /** The ref the commit is pushed to. */
    String pushRef() {
        return "refs/heads/" + pushBranch;
    }

    /** What one attempt ends in: the result, or a push that did not land. */
    sealed interface Outcome permits Published, Rejection {
    }

    /** The publish landed (or there was nothing to commit, or it was a dry run). */
    record Published(PublishResult result) implements Outcome {
    }

    /** A push that did not land: the branch moved ({@code hard == false}) or the server refused it. */
    record Rejection(ObjectId base, boolean hard, String message) implements Outcome {
    }
}
