import Foundation
print("stub")
