/**
 * Every error a client can receive, by stable code. The HTTP layer renders each as RFC 9457
 * problem+json with this status and title; `detail` and extra members come from the throw site.
 * Modules add their codes here, prefixed with the module name.
 */
export const ERRORS = {
  'request.malformed': { status: 400, title: 'Malformed request' },
  'request.invalid': { status: 422, title: 'Invalid input' },
  'request.too_large': { status: 413, title: 'Request body too large' },
  'request.unsupported_media_type': { status: 415, title: 'Unsupported media type' },
  'request.not_found': { status: 404, title: 'Not found' },
  'request.method_not_allowed': { status: 405, title: 'Method not allowed' },
  'auth.unauthenticated': { status: 401, title: 'Authentication required' },
  'auth.invalid_credentials': { status: 401, title: 'Wrong username or password' },
  'auth.forbidden': { status: 403, title: 'Not allowed' },
  'auth.csrf': { status: 403, title: 'Missing or wrong CSRF token' },
  'auth.rate_limited': { status: 429, title: 'Too many attempts' },
  'idempotency.key_reused': { status: 409, title: 'Idempotency key reused with a different request' },
  'idempotency.key_invalid': { status: 422, title: 'Invalid idempotency key' },
  'state.conflict': { status: 409, title: 'Conflicting change' },
  'state.illegal_transition': { status: 409, title: 'Not allowed in the current state' },
  'people.user_not_found': { status: 404, title: 'User not found' },
  'people.username_taken': { status: 409, title: 'Username already taken' },
  'people.last_admin': { status: 409, title: 'The last active administrator cannot be removed' },
  'people.customer_required': { status: 422, title: 'A customer user must belong to a customer' },
  'people.customer_not_allowed': { status: 422, title: 'Only customer users belong to a customer' },
  'people.customer_not_found': { status: 404, title: 'Customer not found' },
  'people.customer_code_taken': { status: 409, title: 'Customer code already taken' },
  'people.department_not_found': { status: 404, title: 'Department not found' },
  'people.department_code_taken': { status: 409, title: 'Department code already taken' },
  'people.department_in_use': { status: 409, title: 'Department still has teams or members' },
  'people.team_not_found': { status: 404, title: 'Team not found' },
  'people.team_code_taken': { status: 409, title: 'Team code already taken' },
  'people.team_in_use': { status: 409, title: 'Team still has members' },
  'people.token_not_found': { status: 404, title: 'API token not found' },
  'people.scope_not_held': { status: 422, title: 'A token cannot hold a permission its owner lacks' },
  'people.weak_password': { status: 422, title: 'Password too weak' },
  'people.wrong_password': { status: 422, title: 'The current password is wrong' },
  'catalog.item_not_found': { status: 404, title: 'Item not found' },
  'catalog.item_code_taken': { status: 409, title: 'Item code already taken' },
  'catalog.item_archived': { status: 409, title: 'Item is archived' },
  'catalog.variant_not_found': { status: 404, title: 'Variant not found' },
  'catalog.attribute_not_found': { status: 404, title: 'Attribute not found' },
  'catalog.attribute_code_taken': { status: 409, title: 'Attribute code already taken' },
  'catalog.invalid_attributes': { status: 422, title: 'Attribute values do not fit the item' },
  'catalog.uom_unknown': { status: 422, title: 'Unknown unit of measure' },
  'catalog.uom_code_taken': { status: 409, title: 'Unit code already taken' },
  'catalog.import_invalid': { status: 422, title: 'The file has rows that cannot be imported; nothing was imported' },
  'inventory.insufficient_stock': { status: 409, title: 'Not enough stock' },
  'inventory.location_not_found': { status: 404, title: 'Location not found' },
  'inventory.location_code_taken': { status: 409, title: 'Location code already taken' },
  'inventory.lot_not_found': { status: 404, title: 'Lot not found' },
  'inventory.lot_code_taken': { status: 409, title: 'Lot code already taken' },
  'inventory.grade_unknown': { status: 422, title: 'Unknown grade' },
  'inventory.grade_not_found': { status: 404, title: 'Grade not found' },
  'inventory.grade_code_taken': { status: 409, title: 'Grade code already taken' },
  'inventory.grade_name_taken': { status: 409, title: 'Grade name already taken' },
  'inventory.document_not_found': { status: 404, title: 'Stock document not found' },
  'inventory.already_cancelled': { status: 409, title: 'Document already cancelled' },
  'inventory.document_owned': { status: 409, title: 'Document belongs to a workflow' },
  'inventory.not_returnable': { status: 409, title: 'Document cannot be returned' },
  'inventory.counted_since': { status: 409, title: 'Stock counted since that moment' },
  'inventory.same_location': { status: 422, title: 'Source and destination are the same' },
  'inventory.reservation_not_found': { status: 404, title: 'Reservation not found' },
  'inventory.reservation_closed': { status: 409, title: 'Reservation no longer active' },
  'inventory.serial_not_found': { status: 404, title: 'Serial number not found' },
  'inventory.serial_taken': { status: 409, title: 'Serial number already exists' },
  'planning.site_not_found': { status: 404, title: 'Planning site not found' },
  'planning.not_a_working_day': { status: 422, title: 'Not a working day' },
  'planning.no_capacity': { status: 409, title: 'No working day with free capacity in reach' },
  'stamping.brand_not_found': { status: 404, title: 'Brand not found' },
  'stamping.brand_code_taken': { status: 409, title: 'Brand code already taken' },
  'stamping.product_taken': { status: 409, title: 'This brand already has that flavour' },
  'stamping.not_a_product': { status: 422, title: 'Not a stamping product' },
  'stamping.region_not_found': { status: 404, title: 'Tax region not found' },
  'stamping.region_code_taken': { status: 409, title: 'Tax region code already taken' },
  'stamping.not_a_consignee': { status: 422, title: 'The customer is not set up as a consignee' },
  'stamping.shipment_not_found': { status: 404, title: 'Shipment not found' },
  'stamping.shipment_number_taken': { status: 409, title: 'Shipment number already taken' },
  'stamping.shipment_not_inventoried': { status: 409, title: 'The shipment is not inventoried yet' },
  'stamping.box_not_found': { status: 404, title: 'Box not found' },
  'stamping.box_ambiguous': { status: 409, title: 'Several brands use this box number; filter by brand' },
  'stamping.box_already_received': { status: 409, title: 'Box already received' },
  'stamping.box_line_not_found': { status: 404, title: 'Box line not found' },
  'stamping.line_stamped': { status: 409, title: 'Line already stamped' },
  'stamping.units_allocated': { status: 409, title: 'Units allocated to production orders' },
  'stamping.shipment_inventoried': { status: 409, title: 'The shipment is inventoried; it takes no more boxes' },
  'stamping.po_not_found': { status: 404, title: 'Production order not found' },
  'stamping.po_number_taken': { status: 409, title: 'PO number already used for this consignee' },
  'stamping.over_allocation': { status: 409, title: 'More than the shipment has available' },
  'stamping.po_frozen': { status: 409, title: 'A completed production order cannot change' },
  'stamping.po_has_segments': { status: 409, title: 'Change the segments of a split production order, not the parent' },
  'stamping.below_stamped': { status: 409, title: 'A line cannot go below what is already stamped' },
  'stamping.run_not_started': { status: 409, title: 'Start the run first' },
  'stamping.box_not_in_po': { status: 422, title: 'This box has nothing for this production order' },
  'stamping.box_line_stamped': { status: 409, title: 'This box line is already stamped' },
  'stamping.stamp_shortage': { status: 409, title: 'Not enough stamps for this box' },
  'stamping.nothing_staged': { status: 409, title: 'No confirmed boxes are waiting for a skid' },
  'stamping.boxes_not_on_skid': { status: 409, title: 'Confirmed boxes are waiting for a skid' },
  'stamping.skid_not_found': { status: 404, title: 'Skid not found' },
  'stamping.four_eyes': { status: 403, title: 'A second user must verify what you stamped' },
  'stamping.over_estimate': { status: 409, title: 'More stamped than the order authorises: increase the line first' },
  'stamping.request_not_found': { status: 404, title: 'Request not found' },
  'stamping.day_full': { status: 409, title: 'That day has no capacity left' },
  'stamping.day_unavailable': { status: 422, title: 'That day is not open for production requests' },
  'stamping.stamp_order_not_found': { status: 404, title: 'Stamp order not found' },
  'server.internal': { status: 500, title: 'Internal error' },
  'server.unavailable': { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One problem with one input field; `field` is a dotted path such as `lines.2.qty`. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}
