/**
 * People and the organisation chart: administration, the JSON and CSV import (ImportValidator checks it,
 * ImportPlan decides what it changes, PasswordHashing hashes its new passwords on every core, ImportJobs runs a
 * large one off the request thread), the bootstrap administrator, and sign-in's PersonDirectory.
 */
package io.lead360.feedback.person;
