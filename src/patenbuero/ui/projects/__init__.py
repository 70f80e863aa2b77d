"""The parts of the Mitgliedsprojekte tab: list, form, contacts, Verteiler, Träger."""
