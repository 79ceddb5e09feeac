/** A config file the sweep could not use (the last good or default policy applied). */
export interface DashboardConfigError {
  /** e.g. `.github/key-hygiene.yml`. */
  source: string;
  field?: string;
  value?: string;
  message: string;
}
