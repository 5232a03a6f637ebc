package org.cleanblog.core.throttle;

/**
 * Token buckets kept where every instance of the blog sees them (ADR 0030), so that N instances allow the rate of one.
 * A bucket holds at most {@code capacity} tokens and gains one every {@code refillMillis}, continuously; a bucket never
 * seen before starts full.
 *
 * <p>Implementations are thread-safe and keep no per-bucket state in memory.
 */
public interface ThrottleStore {
    /**
     * Takes one token from {@code bucket} at time {@code nowMillis}, or none when it has less than one.
     *
     * @param bucket the bucket's key, e.g. {@code "forms:203.0.113.7"}; not null
     * @param capacity tokens of a full bucket, at least 1
     * @param refillMillis milliseconds per token gained, at least 1
     * @param nowMillis wall-clock milliseconds since the epoch, shared by all instances; a time before the bucket's
     *     last use counts as no time passing
     * @return 0 when a token was taken, else the milliseconds until the bucket holds one again (at least 1)
     * @throws org.cleanblog.core.StorageException when the store cannot be reached
     */
    long take(String bucket, int capacity, long refillMillis, long nowMillis);

    /**
     * Puts back one token taken from {@code bucket}, up to {@code capacity}: for a request refused by another bucket
     * after this one had paid, so that a refusal costs none of its buckets anything. Does nothing for an unknown bucket.
     *
     * @throws org.cleanblog.core.StorageException when the store cannot be reached
     */
    void giveBack(String bucket, int capacity);
}
