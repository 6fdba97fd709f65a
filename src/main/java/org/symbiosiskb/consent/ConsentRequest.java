package org.symbiosiskb.consent;

/**
 * A link of another partner's record that waits for (or was ended by) a partner's consent: its inbox.
 *
 * @param kind   what the record is: flow, offsetAgreement, process, carbonSink, organization, park
 * @param link   the relationship it would have when it counts (IN_PARK, SUPPLIES, FROM_SINK, …)
 * @param target the partner's own record it joins or uses
 */
public record ConsentRequest(String record, String kind, String owner, String partner, String link, String target, String state) {
}
