import { ownStockSource } from '../inventory';

// The stock documents stamping posts: its records point at them (a confirmed box at its stamp
// issue, a skid at its put-away, a received box at its receipt), so only stamping may undo them.
ownStockSource('production_order', 'a stamp run', 'its stamps are settled when the order is verified (unused stamps are released then); correct the stamp stock with an adjustment otherwise');
ownStockSource('skid', 'a stamp run\'s skid', 'move its boxes to another skid or delete the skid');
ownStockSource('shipment_box', 'shipment receiving', 'correct the stock with an adjustment');
