package org.lectern.mail;

/** One message to one address: a plain-text part and an HTML part built from escaped text only. */
public record Mail(String to, String kind, String subject, String text, String html) {
}
