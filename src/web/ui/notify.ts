import { notifications } from '@mantine/notifications';
import { failureSource, messageOf } from '../api/problem';

/** A failure, saying where it came from (the HTTP status or the network's reason) beside the server's words. */
export function notifyError(err: unknown, title = 'Could not complete the request'): void {
  const source = failureSource(err);
  notifications.show({ color: 'red', title: source ? `${title} · ${source}` : title, message: messageOf(err), autoClose: 8000, 'data-testid': 'notify-error' });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000, 'data-testid': 'notify-success' });
}

export function notifyWarning(message: string): void {
  notifications.show({ color: 'orange', message, autoClose: 8000, 'data-testid': 'notify-warning' });
}
