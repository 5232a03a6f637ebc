package org.cleanblog.config;

/**
 * The tutorial's trap: on Heroku the dyno's file system is thrown away at every restart (at least daily), so a SQLite
 * blog silently loses every post. Not an error, because a throw-away demo on a dyno is legitimate; a loud warning.
 */
final class HerokuTrap {
    private HerokuTrap() {}

    static String warning(DatabaseSettings database) {
        return "DATABASE ON AN EPHEMERAL DISK: DYNO is set, so this runs on Heroku, but the database is SQLite ("
                + database.jdbcUrl() + "). Heroku erases this file at every dyno restart, at least once a day, and"
                + " every post and user goes with it. Attach PostgreSQL with `heroku addons:create heroku-postgresql`"
                + " (it sets DATABASE_URL, which this blog reads at the next start), and move existing data first with"
                + " `java -jar blog.jar copy-db --from " + database.displayUrl() + " --to \"$DATABASE_URL\"`.";
    }
}
