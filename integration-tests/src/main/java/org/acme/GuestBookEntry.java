package org.acme;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One signature in the guest book, stored in the database.
 */
@Entity
public class GuestBookEntry extends PanacheEntity {

    @Column(nullable = false, length = GuestBook.NAME_MAX)
    public String name;

    @Column(nullable = false, length = GuestBook.MESSAGE_MAX)
    public String message;

    @Column(nullable = false)
    public Instant createdAt;
}
