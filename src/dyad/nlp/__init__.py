"""NLP stage: cleaning, language check and the shared spaCy pipeline."""
