package io.flowgate.adapter.in.rest;

/**
 * Which family of an org's routes a request path belongs to, read from the path's structure
 * ({@code orgs/{slug}/oauth2/...}, {@code orgs/{slug}/api/flo/...}) rather than from a substring, so
 * that an org or an alias named {@code oauth2} is not taken for the authorization server. Paths come
 * with a leading slash from the HTTP stack and without one from Jersey; both are read.
 */
public final class OrgRoutes {

    private OrgRoutes() {
    }

    /** The token, keys, introspection and revocation endpoints of an org. */
    public static boolean isOAuth(String path) {
        return underOrg(path, "/oauth2/");
    }

    /** A flow's invoke URL. */
    static boolean isInvoke(String path) {
        return underOrg(path, "/api/flo/");
    }

    private static boolean underOrg(String path, String family) {
        int start = path.startsWith("/") ? 1 : 0;
        if (!path.startsWith("orgs/", start)) {
            return false;
        }
        int slugEnd = path.indexOf('/', start + "orgs/".length());
        return slugEnd > 0 && path.startsWith(family, slugEnd);
    }
}
