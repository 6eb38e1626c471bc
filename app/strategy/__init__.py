"""Career strategy: themes, matching items to them with reasons, and ranking."""
