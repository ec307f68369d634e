/** Today's date for acceptance expiry; a service so tests can fix the date. */
export class Clock {
    /** Today as `YYYY-MM-DD`, in UTC. */
    today(): string {
        return new Date().toISOString().slice(0, 10);
    }
}
