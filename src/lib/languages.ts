import ISO6391 from 'iso-639-1'

/** Every ISO 639-1 language, labelled with its English name, for "languages spoken" lists. */
export const languageOptions = ISO6391.getAllCodes()
  .map((code) => ({ label: ISO6391.getName(code), value: code }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'))
