package dev.goldenpath.dsl;

/**
 * A team that owns apps. Its name becomes the {@code owner} label and its Argo CD project; the contact is
 * rendered as an annotation so that whoever finds a misbehaving pod knows whom to call.
 *
 * @param name    a DNS-1123 label
 * @param contact an e-mail address or another way to reach the team
 */
public record Team(String name, String contact) {

    /** The same team with a contact. */
    public Team owner(String newContact) {
        return new Team(name, newContact);
    }
}
