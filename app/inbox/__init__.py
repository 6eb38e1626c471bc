"""The inbox: feed items ranked by the career themes, searched and flagged. Its service
is app.inbox.service.InboxService (planner.inbox); the rules it ranks by live in
app.strategy, the queries in app.store.inbox and app.store.items."""
