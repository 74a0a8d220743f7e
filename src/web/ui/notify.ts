import { notifications } from '@mantine/notifications';
import { messageOf } from '../api/problem';

export function notifyError(err: unknown, title = 'Could not complete the request'): void {
  notifications.show({ color: 'red', title, message: messageOf(err), autoClose: 8000, 'data-testid': 'notify-error' });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 3000, 'data-testid': 'notify-success' });
}

export function notifyWarning(message: string): void {
  notifications.show({ color: 'orange', message, autoClose: 8000, 'data-testid': 'notify-warning' });
}
